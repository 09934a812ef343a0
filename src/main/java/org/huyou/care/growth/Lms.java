package org.huyou.care.growth;

/** Cole's LMS parameters at one age: Box-Cox power L, median M, coefficient of variation S. */
public record Lms(double l, double m, double s) {

    /** The plain LMS z-score of a measurement. */
    public double z(double x) {
        if (Math.abs(l) < 1e-12) {
            return Math.log(x / m) / s;
        }
        return (Math.pow(x / m, l) - 1) / (l * s);
    }

    /** The measurement at a z-score (the reference curve). */
    public double value(double z) {
        if (Math.abs(l) < 1e-12) {
            return m * Math.exp(s * z);
        }
        return m * Math.pow(1 + l * s * z, 1 / l);
    }
}
