package cn.wushe.region.internal;

import cn.wushe.platform.Messages;
import cn.wushe.platform.Sm3;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A grid's outline as a GeoJSON geometry (RFC 7946): a Polygon or MultiPolygon in WGS84, each
 * ring closed and of at least four positions {@code [lng, lat]}. Kept as normalised JSON text
 * holding only {@code type} and {@code coordinates}.
 */
public record GridBoundary(String geoJson) {

    public static final int MAX_POSITIONS = 10_000;
    static final int MAX_TEXT = 500_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INVALID = Messages.text("region.grid-boundary.invalid");

    public GridBoundary {
        if (geoJson == null || geoJson.isBlank()) {
            throw new IllegalArgumentException(INVALID);
        }
        if (geoJson.length() > MAX_TEXT) {
            throw new IllegalArgumentException(Messages.text("region.grid-boundary.too-large", MAX_POSITIONS));
        }
        JsonNode node;
        try {
            node = JSON.readTree(geoJson);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(Messages.text("region.grid-boundary.not-json"));
        }
        geoJson = JSON.writeValueAsString(normalised(node));
    }

    public static GridBoundary of(JsonNode geometry) {
        return new GridBoundary(JSON.writeValueAsString(geometry));
    }

    public JsonNode toJson() {
        return JSON.readTree(geoJson);
    }

    /** Short, for the audit log: the number of positions and the start of the SM3 digest. */
    public String summary() {
        return Messages.text("region.grid-boundary.summary", count(toJson().get("coordinates")), Sm3.hex(geoJson).substring(0, 16));
    }

    private static ObjectNode normalised(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("type").isString()) {
            throw new IllegalArgumentException(INVALID);
        }
        String type = node.get("type").asString();
        JsonNode coordinates = node.get("coordinates");
        switch (type) {
            case "Polygon" -> polygon(coordinates);
            case "MultiPolygon" -> {
                requireArray(coordinates, 1, Messages.text("region.grid-boundary.multipolygon-empty"));
                coordinates.forEach(GridBoundary::polygon);
            }
            default -> throw new IllegalArgumentException(INVALID + Messages.text("region.grid-boundary.actual-type", type));
        }
        if (count(coordinates) > MAX_POSITIONS) {
            throw new IllegalArgumentException(Messages.text("region.grid-boundary.too-large", MAX_POSITIONS));
        }
        ObjectNode clean = JsonNodeFactory.instance.objectNode();
        clean.put("type", type);
        clean.set("coordinates", coordinates);
        return clean;
    }

    private static void polygon(JsonNode rings) {
        requireArray(rings, 1, Messages.text("region.grid-boundary.polygon-empty"));
        for (JsonNode ring : rings) {
            requireArray(ring, 4, Messages.text("region.grid-boundary.ring-too-short"));
            ring.forEach(GridBoundary::position);
            if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                throw new IllegalArgumentException(Messages.text("region.grid-boundary.ring-open"));
            }
        }
    }

    private static void position(JsonNode position) {
        if (position == null || !position.isArray() || position.size() < 2 || position.size() > 3
                || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            throw new IllegalArgumentException(Messages.text("region.grid-boundary.position-shape"));
        }
        double lng = position.get(0).doubleValue();
        double lat = position.get(1).doubleValue();
        if (Math.abs(lng) > 180 || Math.abs(lat) > 90) {
            throw new IllegalArgumentException(Messages.text("region.grid-boundary.position-range"));
        }
    }

    private static void requireArray(JsonNode node, int minSize, String message) {
        if (node == null || !node.isArray() || node.size() < minSize) {
            throw new IllegalArgumentException(INVALID + "：" + message);
        }
    }

    /** Number of positions: arrays whose first element is a number. */
    private static int count(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            return 0;
        }
        if (node.get(0).isNumber()) {
            return 1;
        }
        int n = 0;
        for (JsonNode child : node) {
            n += count(child);
        }
        return n;
    }
}
