package cn.wushe.registry;

import java.time.LocalDate;

/** A registered person died on {@code dateOfDeath} (已故); their record is closed. */
public record PersonDeceased(PersonId person, String regionCode, LocalDate dateOfDeath) {
}
