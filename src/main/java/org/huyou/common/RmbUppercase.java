package org.huyou.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount in CNY written in the capital numerals of receipts and cheques (大写金额): 1234.50 → 壹仟贰佰叁拾肆元伍角整. */
public final class RmbUppercase {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] SMALL = {"", "拾", "佰", "仟"};
    private static final String[] BIG = {"", "万", "亿", "万亿"};

    private RmbUppercase() {}

    public static String of(BigDecimal amount) {
        BigDecimal a = amount.setScale(2, RoundingMode.UNNECESSARY);
        if (a.signum() < 0 || a.compareTo(new BigDecimal("9999999999999999.99")) > 0) {
            throw new IllegalArgumentException(amount.toPlainString());
        }
        long yuan = a.longValue();
        int fen = a.remainder(BigDecimal.ONE).movePointRight(2).intValue();
        StringBuilder s = new StringBuilder();
        if (yuan > 0) {
            s.append(integer(yuan)).append('元');
        }
        int jiao = fen / 10;
        int f = fen % 10;
        if (jiao == 0 && f == 0) {
            return (yuan == 0 ? "零元" : s.toString()) + "整";
        }
        if (jiao > 0) {
            s.append(DIGITS.charAt(jiao)).append('角');
        } else if (yuan > 0) {
            s.append('零');
        }
        if (f > 0) {
            s.append(DIGITS.charAt(f)).append('分');
        } else {
            s.append('整');
        }
        return s.toString();
    }

    /** A whole number in groups of four digits (万, 亿), with one 零 for any run of zeros inside. */
    private static String integer(long n) {
        StringBuilder out = new StringBuilder();
        int group = 0;
        boolean zeroPending = false;
        while (n > 0) {
            int part = (int) (n % 10_000);
            if (part == 0) {
                zeroPending = out.length() > 0;
            } else {
                String p = four(part) + BIG[group];
                if (zeroPending && !out.isEmpty() && out.charAt(0) != '零') {
                    p += "零";
                }
                out.insert(0, p);
                zeroPending = part < 1000;
            }
            n /= 10_000;
            group++;
        }
        String s = out.toString();
        return s.startsWith("零") ? s.substring(1) : s;
    }

    private static String four(int n) {
        StringBuilder s = new StringBuilder();
        boolean zero = false;
        for (int i = 3; i >= 0; i--) {
            int d = (n / (int) Math.pow(10, i)) % 10;
            if (d == 0) {
                zero = s.length() > 0;
            } else {
                if (zero) {
                    s.append('零');
                    zero = false;
                }
                s.append(DIGITS.charAt(d)).append(SMALL[i]);
            }
        }
        return (n < 1000 ? "零" : "") + s;
    }
}
