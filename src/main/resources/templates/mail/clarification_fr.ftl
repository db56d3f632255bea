Subject: [${reference}] Que souhaitez-vous que ${controllerName} fasse de vos données ?
<#if requesterName?has_content>Bonjour ${requesterName},<#else>Bonjour,</#if>

Merci pour votre message à ${controllerName}. Nous lui avons attribué la référence ${reference}, mais nous n'avons pas pu déterminer ce que vous souhaitez que nous fassions de vos données personnelles.

Merci de répondre à ce message en nous indiquant ce que vous souhaitez (plusieurs choix possibles) :
<#list rights as r>
  - ${r}
</#list>

Vous pouvez aussi utiliser notre formulaire de demande :
${formUrl}

Nous poursuivrons le traitement de votre demande dès réception de votre réponse.

${controllerName}
