package io.omnidecide.access;

import java.util.List;

/** The answer to creating a key: the only time the key itself is shown. */
public record CreatedKey(String name, List<String> roles, String key) {
}
