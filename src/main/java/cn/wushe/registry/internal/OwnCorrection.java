package cn.wushe.registry.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One of a resident's own correction requests (更正申请) as they follow it on 我的信息: what they
 * asked, where it stands, and the community worker's reply.
 *
 * @param reply      the worker's note: what was done, or why the request was not taken up; null while open
 *                   or when the worker accepted without a note
 * @param answeredOn the day the worker answered (Beijing time); null while open
 */
public record OwnCorrection(UUID id, CorrectableField field, String proposedValue, LocalDate requestedOn,
        Correction.Status status, @Nullable String reply, @Nullable LocalDate answeredOn) {
}
