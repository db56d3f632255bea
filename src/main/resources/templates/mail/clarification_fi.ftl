Subject: [${reference}] Mitä haluat ${controllerName}n tekevän tiedoillesi?
<#if requesterName?has_content>Hei ${requesterName},<#else>Hei,</#if>

Kiitos viestistäsi. ${controllerName} antoi sille viitteen ${reference}, mutta emme pystyneet päättelemään viestistä, mitä haluat meidän tekevän henkilötiedoillesi.

Vastaa tähän viestiin ja kerro, mitä seuraavista haluat (voit valita useamman):
<#list rights as r>
  - ${r}
</#list>

Voit myös käyttää tietosuojapyyntölomakettamme:
${formUrl}

Jatkamme pyyntösi käsittelyä heti, kun olemme saaneet vastauksesi.

${controllerName}
