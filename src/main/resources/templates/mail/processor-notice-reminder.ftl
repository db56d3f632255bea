Subject: [${reference}] Reminder ${reminder}: data subject request for ${controllerName}
Dear ${processor} privacy team,

We have not yet received your answer to our request of the reference ${reference}: please <#if action == "erase">erase<#elseif action == "export">send us a copy of<#else>tell us whether you hold</#if> the
personal data you process for ${controllerName} on this person, and reply to this e-mail with what you did.

The identifiers you hold for this person:
<#list identifiers as id>
  ${id.type}: ${id.value}
</#list>

The law gives us a deadline for answering the person, so please reply soon.

Thank you,
${controllerName} privacy team
