Subject: [${reference}] Reply could not be delivered
<#if bounced>
The ${kind} of data-subject request ${reference} (${controllerName}) bounced: a delivery report quoting it came back
to the mailbox.
<#else>
The ${kind} of data-subject request ${reference} (${controllerName}) could not be delivered: every one of ${attempts} attempt(s) failed, and the hub will not try again by itself.
</#if>

The subject may not have received the answer. The deadline still runs. Check the outbound message and its last
error (or the delivery report) in the operator API (GET /api/v1/admin/requests/${requestId}), fix the cause (mail
server, address), and send the answer by another channel if needed.

${adminUrl}
