package org.huyou.volunteers;

/** An activity with how many are signed up. */
public record PlannedActivity(Activity activity, int signedUp) {}
