package io.cairn.billing.api;

/**
 * What a value written into an X12 file may hold: printable ASCII without the file's own separators (* ~ : ^), so that
 * a name or an address can never break a claim or an inquiry. Checked where the value is entered.
 */
final class X12Text {

    static final String PATTERN = "[ -~&&[^*~:^]]+";
    static final String MESSAGE = "must be printable ASCII without * ~ : ^ (it goes into X12 files)";

    private X12Text() {
    }
}
