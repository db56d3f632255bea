package io.dsrhub.deadline;

/** The event a regime's response period runs from. */
public enum StatutoryClockStart {
    /** the day the request reached the controller (GDPR, CCPA, the US states, LGPD, PIPEDA, PDPA) */
    RECEIPT,
    /** the day the requester's identity was verified (Chinese practice under GB/T 35273) */
    VERIFICATION,
    /**
     * the UK's "relevant time": the latest of receipt and the arrival of the information asked for to confirm
     * identity (UK GDPR Art. 12A, as the ICO explains it)
     */
    RELEVANT_TIME
}
