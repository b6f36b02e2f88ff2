package io.launchpad.web.format;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * One way of writing dates and times on every page (GOV.UK style): "16 January 2027", and
 * where the time matters "16 January 2027 at 2:05pm", in UK time. Templates call it as
 * {@code @dates.day(x)} and {@code @dates.dayAndTime(x)}; it takes what the API sends (an
 * instant, a date, or their ISO text), so a page never shows an ISO string. Public
 * methods: SpEL only calls public ones.
 */
@Component("dates")
public class Dates {

    public static final ZoneId UK = ZoneId.of("Europe/London");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** "16 January 2027"; empty for nothing; text that is no date is shown as it is. */
    public String day(@Nullable Object value) {
        ZonedDateTime time = zoned(value);
        if (time != null) {
            return DAY.format(time);
        }
        LocalDate date = date(value);
        return date != null ? DAY.format(date) : value == null ? "" : value.toString();
    }

    /**
     * "16 January 2027 at 2:05pm" ("at 12pm", "at 9am" on the hour); a date without a
     * time as {@link #day}.
     */
    public String dayAndTime(@Nullable Object value) {
        ZonedDateTime time = zoned(value);
        if (time == null) {
            return day(value);
        }
        int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        String minutes = time.getMinute() == 0 ? "" : String.format(Locale.UK, ":%02d", time.getMinute());
        return DAY.format(time) + " at " + hour + minutes + (time.getHour() < 12 ? "am" : "pm");
    }

    /** The ISO form for a {@code <time datetime>} attribute. */
    public String iso(@Nullable Object value) {
        ZonedDateTime time = zoned(value);
        if (time != null) {
            return time.toOffsetDateTime().toString();
        }
        LocalDate date = date(value);
        return date != null ? date.toString() : "";
    }

    private static @Nullable ZonedDateTime zoned(@Nullable Object value) {
        if (value instanceof Instant instant) {
            return instant.atZone(UK);
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(UK);
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(UK);
        }
        if (value instanceof LocalDateTime local) {
            return local.atZone(UK);
        }
        if (value instanceof CharSequence text && text.toString().contains("T")) {
            try {
                return OffsetDateTime.parse(text).atZoneSameInstant(UK);
            }
            catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(text).atZone(UK);
                }
                catch (DateTimeParseException notATime) {
                    return null;
                }
            }
        }
        return null;
    }

    private static @Nullable LocalDate date(@Nullable Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof TemporalAccessor) {
            return null;
        }
        if (value instanceof CharSequence text) {
            try {
                return LocalDate.parse(text);
            }
            catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

}
