Subject: [${reference}] Data subject request: please ${action} the data you process for ${controllerName}
Dear ${processor} privacy team,

${controllerName} has received a data-subject request (our reference ${reference}) and asks you, as our
processor, to <#if action == "erase">erase<#elseif action == "export">send us a copy of<#else>tell us whether you hold</#if> the personal data you process on our behalf for this person.

The identifiers you hold for this person:
<#list identifiers as id>
  ${id.type}: ${id.value}
</#list>

Please reply to this e-mail, keeping the reference ${reference} in the subject, and tell us what you found and
what you did (for example "erased", "nothing found", or what you must keep and why, with its legal basis).

Thank you,
${controllerName} privacy team
