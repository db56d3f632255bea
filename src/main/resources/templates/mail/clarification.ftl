Subject: [${reference}] What would you like ${controllerName} to do with your data?
<#if requesterName?has_content>Dear ${requesterName},<#else>Hello,</#if>

Thank you for writing to ${controllerName}. We have given your message the reference ${reference}, but we could not tell from it what you would like us to do with your personal data.

Please reply to this e-mail and tell us which of these you want (you may choose more than one):
<#list rights as r>
  - ${r}
</#list>

Or use our privacy request form:
${formUrl}

We will continue with your request as soon as we have your answer.

${controllerName}
