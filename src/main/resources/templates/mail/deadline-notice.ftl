<#assign what = (track == "ACKNOWLEDGEMENT")?then("acknowledgement", "answer")>
<#if stage == "REMINDER"><#assign title = "Reminder: " + what + " due within " + leadDays + " days">
<#elseif stage == "ESCALATION"><#assign title = "Escalation: " + what + " due within " + leadDays + " days">
<#else><#assign title = "Deadline passed: " + what + " overdue"></#if>
Subject: <#if count == 1>[${entries[0].reference}] ${title}<#else>${title} (${count} requests, ${controllerName})</#if>
<#if stage == "REMINDER">
<#if count == 1>This privacy request to ${controllerName} must be<#else>These ${count} privacy requests to ${controllerName} must be</#if> <#if track == "ACKNOWLEDGEMENT">acknowledged<#else>answered</#if> within ${leadDays} days.
<#elseif stage == "ESCALATION">
You receive this as the privacy officer of ${controllerName}. <#if count == 1>This request is<#else>These ${count} requests are</#if> still open and must be <#if track == "ACKNOWLEDGEMENT">acknowledged<#else>answered</#if> within ${leadDays} days. Please make sure <#if count == 1>it is<#else>they are</#if> handled, or that an extension is notified to the data subject before the deadline where the law allows one.
<#else>
You receive this as the privacy officer of ${controllerName}. <#if count == 1>This request has<#else>These ${count} requests have</#if> passed <#if track == "ACKNOWLEDGEMENT">the deadline to acknowledge receipt<#else>the deadline to answer</#if> and <#if count == 1>is<#else>are</#if> still open. A breach record has been kept in the ledger and in each request's audit trail.
</#if>

<#list entries as e>
${e.reference}  due ${e.dueOn} (<#if e.daysLeft < 0>${-e.daysLeft} days overdue<#elseif e.daysLeft == 0>today<#else>in ${e.daysLeft} days</#if>)  status ${e.status}  ${e.types}
  ${e.kind}: ${e.rule}
  ${adminBaseUrl}${e.id}
</#list>

This notice was sent once for each request listed; the hub will not repeat it.
dsr-hub
