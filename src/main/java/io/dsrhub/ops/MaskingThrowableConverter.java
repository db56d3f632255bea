package io.dsrhub.ops;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback's stack traces with personal data masked in exception messages. */
public final class MaskingThrowableConverter extends ThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalDataMask.mask(super.convert(event));
    }
}
