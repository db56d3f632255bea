Subject: [${reference}] 我们已收到您向${controllerName}提交的个人信息请求
<#if requesterName?has_content>${requesterName}，您好：<#else>您好：</#if>

感谢您联系${controllerName}。我们已于${receivedOn}收到您的请求，请求编号为 ${reference}。如就此请求与我们联系，请注明该编号。

您的请求：
<#list types as t>
  - ${t}
</#list>

后续步骤
1. 在处理您的请求之前，我们需要确认请求来自信息主体本人。我们将通过我们存档的联系方式向您发送简短的验证步骤。<#if actingForSomeoneElse>由于您代他人提出请求，我们还会要求您提供其签署的授权书或您的代理权证明。</#if>
2. 随后，我们将在所有存有您信息的系统及服务提供商处查找您的信息<#if erasure>，并在法律允许的范围内予以删除。如法律要求我们保留部分信息，我们会告知您保留的信息、原因及保留期限</#if>。
3. 我们将把处理结果发送给您。

<#if clockStartsAtVerification>我们将按照隐私政策的承诺，自验证您的身份之日起计算答复期限。<#elseif dueOn?has_content>我们最迟将于${dueOn}前答复您。</#if>

您可以通过以下链接查看请求进度：
${statusUrl}

如果此请求并非由您提出，或您有任何疑问，请直接回复本邮件或写信至 ${contactEmail}。

${controllerName}
