Subject: [${reference}] Task needs attention: ${action} on ${system}
A task of data-subject request ${reference} (${controllerName}) has stopped after ${attempts} attempt(s) and will not be tried again by itself.

Request:  ${reference}
System:   ${system}
Action:   ${action}
Reason:   ${reason}

The other tasks of the request go on. Once every task is finished the request is answered as partially completed,
unless the task is retried and succeeds first.

Open the request in the operator API (GET /api/v1/admin/requests/${requestId}) to see the error, and retry the task
there (POST /api/v1/admin/tasks/${taskId}/retry) once the system is fixed.

Due date of the request: ${dueOn}
