Subject: ${msg("reply.subject." + outcome, reference)}
<#include "/mail/reply-body.ftl">
