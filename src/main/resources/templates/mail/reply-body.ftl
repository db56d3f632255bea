<#-- The body of every reply; the words come from the message bundle of the reply's language (reply.*). -->
<#if requesterName?has_content>${msg("reply.greeting", requesterName)}<#else>${msg("reply.greeting.anonymous")}</#if>

${msg("reply.intro." + outcome, reference)}

${msg("reply.types")}
<#list types as t>
  - ${t}
</#list>
<#if outcome == "REFUSED">

${msg("reply.refusal.ground", ground)}
<#if note?has_content>
${msg("reply.refusal.note")}
${note}
</#if>
</#if>
<#if packageUrl?has_content>

${msg("reply.package.heading")}
${msg("reply.package.link", packageExpiresOn)}
${packageUrl}
<#if packageEncrypted>${msg("reply.package.encrypted")}
</#if>
${msg("reply.package.private")}
<#if exported?has_content>
${msg("reply.package.systems")}
<#list exported as e>
  - ${msg("reply.package.records", e.system, e.count)}
</#list>
</#if>
<#elseif accessNothingFound>

${msg("reply.package.heading")}
${msg("reply.package.nothing")}
</#if>
<#if erasure>

${msg("reply.erasure.heading")}
<#list erased as e>
<#if e.nothing>
  - ${msg("reply.erasure.nothing", e.system)}
<#elseif e.objects gt 0>
  - ${msg("reply.erasure.objects", e.system, e.count)}
<#else>
  - ${msg("reply.erasure.line", e.system, e.count)}
</#if>
</#list>
<#if retained?has_content>

${msg("reply.retained.heading")}
<#list retained as r>
  - ${msg("reply.retained.line", r.system, r.rows + r.objects, r.rule, r.purgeOn)}<#if r.where?has_content> (${r.where})</#if>
    ${msg("reply.retained.basis", r.basis)}
</#list>
${msg("reply.retained.after")}
</#if>

${msg("reply.backups.heading")}
<#list backups as b>
  - <#if b.until?has_content>${msg("reply.backups.line", b.system, b.until)}<#else>${msg("reply.backups.unknown", b.system)}</#if><#if b.note?has_content> (${b.note})</#if>
</#list>
<#if backupStatement?has_content>
${msg("reply.backups.policy")}
${backupStatement}
<#elseif !backups?has_content>
${msg("reply.backups.none")}
</#if>

${msg("reply.processors.heading")}
<#list processors as p>
  - ${msg("reply.processors.line", p.processor, p.answer?has_content?then(p.answer, p.status))}
<#else>
${msg("reply.processors.none")}
</#list>
</#if>
<#if confirmations?has_content>

${msg("reply.confirm.heading")}
<#list confirmations as c>
${msg("reply.confirm." + c.type)}
<#list c.systems as s>
  - ${s}
</#list>
</#list>
<#elseif otherTypes?has_content && outcome != "REFUSED">

${msg("reply.other.heading")}
${msg("reply.other.done")}
<#list otherTypes as t>
  - ${t}
</#list>
</#if>
<#if failed?has_content>

${msg("reply.failed.heading")}
<#list failed as f>
  - ${msg("reply.failed.line", f.system, f.action)}
</#list>
</#if>
<#if complain && (authority?has_content || court || controllerComplaints?has_content)>

${msg("reply.complain.heading")}
<#if authority?has_content>${msg("reply.complain.authority", authority)}
</#if>
<#if court>${msg("reply.complain.court")}
</#if>
<#if controllerComplaints?has_content>${msg("reply.complain.controller")}
${controllerComplaints}
</#if>
</#if>

${msg("reply.status")}
${statusUrl}

${msg("reply.contact", contactEmail)}

${msg("reply.signature", controllerName)}
<#if postalAddress?has_content>${postalAddress}
</#if>
