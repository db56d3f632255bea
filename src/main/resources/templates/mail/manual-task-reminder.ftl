Subject: [${reference}] Reminder: manual task ${action} on ${system} is due ${dueAt}
The manual task ${taskId} (${action} on ${system}) of data-subject request ${reference} (${controllerName}) is still
open and is due ${dueAt}.

What to do:
${instructions}

Record the result with POST /api/v1/admin/tasks/${taskId}/complete (see the first message).
