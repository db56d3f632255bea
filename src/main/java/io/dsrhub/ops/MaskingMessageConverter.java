package io.dsrhub.ops;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback's {@code %msg} with personal data masked. */
public final class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalDataMask.mask(super.convert(event));
    }
}
