package io.omnidecide.ruleset;

/**
 * Java reads {@code \u0022} as a quote before it reads anything else, so a rule could hide code
 * from a check that sees escapes as text. Rules are checked, and built, from the decoded text.
 */
final class UnicodeEscapes {

    private UnicodeEscapes() {
    }

    /** The text with every unicode escape replaced by its character, as the Java language defines them (JLS 3.3). */
    static String decode(String text) {
        if (text.indexOf("\\u") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int backslashes = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            // A backslash starts an escape only when an even number of backslashes stands before it.
            if (ch == '\\' && backslashes % 2 == 0 && i + 1 < text.length() && text.charAt(i + 1) == 'u') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) == 'u') {
                    j++;
                }
                if (j + 4 <= text.length() && isHex(text, j)) {
                    out.append((char) Integer.parseInt(text.substring(j, j + 4), 16));
                    i = j + 3;
                    backslashes = 0;
                    continue;
                }
            }
            backslashes = ch == '\\' ? backslashes + 1 : 0;
            out.append(ch);
        }
        return out.toString();
    }

    private static boolean isHex(String text, int from) {
        for (int k = from; k < from + 4; k++) {
            if (Character.digit(text.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
