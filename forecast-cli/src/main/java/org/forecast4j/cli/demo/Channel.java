package org.forecast4j.cli.demo;

import java.util.List;
import org.forecast4j.allocation.ResponseCurve;

/**
 * A marketing channel of the demo plan and its assumed response curve: the relative lift of the cell's baseline
 * purchases as a function of the day's spend in that cell. These curves are assumptions of the demo (documented
 * in docs/demo.md), not estimates; a real plan calibrates them from experiments with
 * {@code org.forecast4j.allocation.CurveCalibration}.
 *
 * @param name        channel name, as in the simulator's channel field ({@code app}, {@code web}, {@code mini})
 * @param share       share of a category's purchases that arrive through the channel when the events carry no
 *                    channel (the simulator's user mix 70/20/10%)
 * @param curve       lift as a function of spend
 * @param description one line for the report
 */
record Channel(String name, double share, ResponseCurve curve, String description) {

    /** App push and in-app banners: fast saturation, up to +30% (exponential, scale 300). */
    static final Channel APP = new Channel("app", 0.7, ResponseCurve.exponential(0.30, 300),
            "app push and in-app banners: lift 0.30·(1 − e^(−x/300))");
    /** Web search and display ads: S-shaped, needs volume, up to +40% (Hill, half-saturation 600, shape 1.5). */
    static final Channel WEB = new Channel("web", 0.2, ResponseCurve.hill(0.40, 600, 1.5),
            "web search and display ads: lift 0.40·x^1.5/(x^1.5 + 600^1.5)");
    /** Mini-program social campaigns: cheap, small, up to +20% (exponential, scale 150). */
    static final Channel MINI = new Channel("mini", 0.1, ResponseCurve.exponential(0.20, 150),
            "mini-program social campaigns: lift 0.20·(1 − e^(−x/150))");

    /** The demo's channels in plan order. */
    static final List<Channel> ALL = List.of(APP, WEB, MINI);
}
