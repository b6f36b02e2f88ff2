package io.launchpad.matching.outbox;

import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our own mapper for outbox payloads rather than the application's: rows written by one
 * release are read by the next, so their format must not change when the app's JSON
 * settings do.
 */
final class PayloadJson {

    private PayloadJson() {
    }

    static JsonMapper mapper() {
        return JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    }

}
