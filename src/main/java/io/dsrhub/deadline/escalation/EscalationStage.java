package io.dsrhub.deadline.escalation;

/** How close a deadline is, and who hears about it. */
public enum EscalationStage {
    /** the deadline is within the reminder lead: the team working the requests is reminded */
    REMINDER,
    /** the deadline is within the escalation lead: the controller's privacy officer is told */
    ESCALATION,
    /** the deadline passed with the request still open: a breach record is kept and the privacy officer told */
    BREACH
}
