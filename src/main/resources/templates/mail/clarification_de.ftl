Subject: [${reference}] Was soll ${controllerName} mit Ihren Daten tun?
<#if requesterName?has_content>Guten Tag ${requesterName},<#else>Guten Tag,</#if>

vielen Dank für Ihre Nachricht an ${controllerName}. Wir haben ihr das Aktenzeichen ${reference} gegeben, konnten ihr aber nicht entnehmen, was wir mit Ihren personenbezogenen Daten tun sollen.

Bitte antworten Sie auf diese E-Mail und teilen Sie uns mit, was Sie wünschen (mehrere Angaben sind möglich):
<#list rights as r>
  - ${r}
</#list>

Oder nutzen Sie unser Formular für Datenschutzanfragen:
${formUrl}

Sobald wir Ihre Antwort haben, bearbeiten wir Ihre Anfrage weiter.

${controllerName}
