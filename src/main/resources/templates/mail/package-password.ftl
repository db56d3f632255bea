Subject: ${msg("package.password.subject", reference)}
<#if requesterName?has_content>${msg("reply.greeting", requesterName)}<#else>${msg("reply.greeting.anonymous")}</#if>

${msg("package.password.body", reference)}

    ${password}

${msg("package.password.keep")}

${msg("reply.signature", controllerName)}
