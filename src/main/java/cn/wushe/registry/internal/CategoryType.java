package cn.wushe.registry.internal;

import cn.wushe.platform.Messages;

/**
 * A category of people in need (困难类别): the national ones (低保, 特困 …) and any a county adds.
 *
 * @param needsDisability whether holding it requires a disability type and grade (残疾人)
 */
public record CategoryType(String code, String name, boolean needsDisability, int sortOrder, boolean active) {

    /** Disability types of GB/T 26341 (残疾类别). */
    public static final java.util.List<String> DISABILITY_TYPES = java.util.List.of(
            Messages.text("registry.disability-type.vision"), Messages.text("registry.disability-type.hearing"),
            Messages.text("registry.disability-type.speech"), Messages.text("registry.disability-type.physical"),
            Messages.text("registry.disability-type.intellectual"), Messages.text("registry.disability-type.mental"),
            Messages.text("registry.disability-type.multiple"));
}
