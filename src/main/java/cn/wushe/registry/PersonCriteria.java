package cn.wushe.registry;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who a bulk read of the {@link PersonDirectory} asks for (政策找人): people 在册 in one county who
 * hold every category of {@code holds} and none of {@code lacks} today, whose age in whole years
 * lies in {@code minAge..maxAge} and whose household counts {@code minHousehold..maxHousehold}
 * people 在册 (each bound optional).
 *
 * @param among when not {@code null}, only these people (e.g. those a department's file named)
 */
public record PersonCriteria(List<String> holds, List<String> lacks, @Nullable Integer minAge, @Nullable Integer maxAge,
        @Nullable Integer minHousehold, @Nullable Integer maxHousehold, @Nullable List<PersonId> among) {

    public PersonCriteria {
        holds = List.copyOf(holds);
        lacks = List.copyOf(lacks);
        among = among == null ? null : List.copyOf(among);
    }
}
