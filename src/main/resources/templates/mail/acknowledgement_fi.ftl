Subject: [${reference}] Olemme vastaanottaneet tietosuojapyyntösi (${controllerName})
<#if requesterName?has_content>Hei ${requesterName},<#else>Hei,</#if>

Kiitos tietosuojapyynnöstäsi. ${controllerName} vastaanotti sen ${receivedOn} ja antoi sille viitteen ${reference}. Mainitse viite, jos kirjoitat meille pyynnöstä.

Pyysit meitä:
<#list types as t>
  - ${t}
</#list>

Mitä seuraavaksi tapahtuu
1. Ennen kuin käsittelemme pyyntösi, varmistamme, että se tulee henkilöltä, jota tiedot koskevat. Lähetämme sinulle lyhyen vahvistuspyynnön meillä oleviin yhteystietoihin. <#if actingForSomeoneElse>Koska toimit toisen puolesta, pyydämme myös hänen allekirjoittamansa valtuutuksen tai todisteen oikeudestasi toimia hänen puolestaan.</#if>
2. Sen jälkeen etsimme tietosi kaikista järjestelmistä ja palveluntarjoajilta, joilla niitä on<#if erasure>, ja poistamme ne, jotka laki sallii poistaa. Jos laki velvoittaa meidät säilyttämään osan tiedoista, kerromme mitkä tiedot, miksi ja mihin asti</#if>.
3. Lähetämme sinulle tuloksen.

<#if clockStartsAtVerification>Vastaamme tietosuojaselosteemme lupaamassa ajassa henkilöllisyytesi vahvistamisesta lukien.<#elseif dueOn?has_content>Vastaamme viimeistään ${dueOn}.</#if>

Voit seurata pyyntöäsi täällä:
${statusUrl}

Jos et tehnyt tätä pyyntöä tai sinulla on kysyttävää, vastaa tähän viestiin tai kirjoita osoitteeseen ${contactEmail}.

${controllerName}
