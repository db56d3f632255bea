Subject: [${reference}] We have received your privacy request to ${controllerName}
<#if requesterName?has_content>Dear ${requesterName},<#else>Hello,</#if>

Thank you for your request to ${controllerName}. We received it on ${receivedOn} and gave it the reference ${reference}. Please quote this reference if you write to us about it.

You asked us to:
<#list types as t>
  - ${t}
</#list>

What happens next
1. Before we act on your request we confirm that it comes from the person the data is about. We will write to you at the contact details we hold with a short confirmation step. <#if actingForSomeoneElse>Because you are acting for someone else, we will also ask for their signed permission or proof of your authority.</#if>
2. We then look for your data in every system and with every service provider that holds it<#if erasure>, and delete what the law allows us to delete. Where a law obliges us to keep some data, we will tell you which data, why and until when</#if>.
3. We send you the result.

<#if clockStartsAtVerification>We will answer ${promiseWording?has_content?then("as our privacy policy promises (\"" + promiseWording + "\")", "within the period our privacy policy promises")}, counted from the day we have confirmed your identity.<#elseif dueOn?has_content>We will answer by ${dueOn} at the latest.</#if>

You can follow your request here:
${statusUrl}

If you did not make this request, or have any question, reply to this e-mail or write to ${contactEmail}.

${controllerName}
