Subject: [${reference}] Tarvitsemme lisäaikaa tietosuojapyyntösi käsittelyyn
<#if requesterName?has_content>Hei ${requesterName},<#else>Hei,</#if>

Kirjoitamme pyynnöstäsi, jonka lähetit yritykselle ${controllerName} ja jonka viite on ${reference}.

Emme pysty vastaamaan siihen suunnitellusti viimeistään ${originalDueOn}, joten pidennämme vastausaikaa. Vastaamme viimeistään ${newDueOn}.

Syy:
${reason}

<#if regimeName?has_content>${regimeName} sallii määräajan pidentämisen tarvittaessa, kun kerromme siitä ja sen syystä ennen alkuperäistä määräpäivää. </#if><#if authority?has_content>Jos et ole tyytyväinen pyyntösi käsittelyyn, sinulla on oikeus tehdä valitus valvontaviranomaiselle (${authority}).</#if>

Voit seurata pyyntöäsi täällä:
${statusUrl}

Jos sinulla on kysyttävää, vastaa tähän viestiin tai kirjoita osoitteeseen ${contactEmail}.

${controllerName}
