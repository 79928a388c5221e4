package cn.wushe.region.web;

import cn.wushe.platform.DomainException;
import cn.wushe.region.internal.RegionCode;
import org.jspecify.annotations.Nullable;

/** Region codes from paths and query strings: a malformed one answers 400 naming its field. */
final class RegionCodes {

    private RegionCodes() {
    }

    static RegionCode parse(String field, @Nullable String raw) {
        try {
            return new RegionCode(raw == null ? "" : raw.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, String.valueOf(e.getMessage()));
        }
    }

    static @Nullable RegionCode community(String field, @Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return RegionCode.community(raw.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, String.valueOf(e.getMessage()));
        }
    }
}
