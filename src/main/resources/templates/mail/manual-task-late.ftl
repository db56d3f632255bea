Subject: [${reference}] Manual task is late: ${action} on ${system}
The manual task ${taskId} (${action} on ${system}) of data-subject request ${reference} (${controllerName}) was due
${dueAt} and is still open. Its owner is ${owner}.

Open the request in the operator API (GET /api/v1/admin/requests/${requestId}); the task is completed with
POST /api/v1/admin/tasks/${taskId}/complete.
