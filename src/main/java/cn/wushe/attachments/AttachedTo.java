package cn.wushe.attachments;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import java.util.regex.Pattern;

/**
 * The object an attachment belongs to: a type the owning module names (e.g. {@code person},
 * {@code visit}) and that object's identifier in its own module, as text.
 */
public record AttachedTo(String objectType, String objectId) {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    public AttachedTo {
        if (objectType == null || !TYPE.matcher(objectType).matches()) {
            throw DomainException.invalid("ownerType", Messages.text("attachments.owner.type-invalid"));
        }
        if (objectId == null || !ID.matcher(objectId).matches()) {
            throw DomainException.invalid("ownerId", Messages.text("attachments.owner.id-invalid"));
        }
    }
}
