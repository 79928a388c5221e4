package cn.wushe.platform;

/**
 * Rotation of the field-encryption data key (design §4, docs/registry-fields.md "Keys"): a new
 * data key version is generated, stored wrapped under the master key in {@code platform.data_keys},
 * and becomes the one new values are written under. Values under older versions keep decrypting; a
 * module's re-encryption job (the registry's {@code ReEncryption}) then moves them to the new one.
 */
public interface DataKeyRotation {

    /**
     * Adds the next field data key version and makes it primary on this node; another node adopts
     * it when it first reads a value written under it, or at its next start.
     *
     * @return the new primary version
     * @throws IllegalStateException when the data keys are configured rather than stored in the envelope
     */
    int newFieldKey();
}
