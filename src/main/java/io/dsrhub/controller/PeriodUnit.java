package io.dsrhub.controller;

/** How a period is counted. */
public enum PeriodUnit {
    CALENDAR_DAYS,
    BUSINESS_DAYS,
    CALENDAR_MONTHS
}
