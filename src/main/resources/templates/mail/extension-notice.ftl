Subject: [${reference}] We need more time to answer your privacy request
<#if requesterName?has_content>Dear ${requesterName},<#else>Hello,</#if>

We are writing about your request to ${controllerName} with the reference ${reference}.

We are not able to answer it by ${originalDueOn} as planned, and we are extending the time we take to answer. We will answer by ${newDueOn} at the latest.

The reason:
${reason}

<#if regimeName?has_content>${regimeName} allows this extension when it is needed, provided that we tell you about it and why before the original date. </#if><#if authority?has_content>If you are not satisfied with how we handle your request, you have the right to complain to ${authority}.</#if>

You can follow your request here:
${statusUrl}

If you have any question, reply to this e-mail or write to ${contactEmail}.

${controllerName}
