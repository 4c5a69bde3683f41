// One abstract SVG scene per demo article, matching the alt text in its front matter. Soft shapes
// and gradients only: they read at any size and compress to small JPEGs.
export type Scene = { rnd: () => number; w: number; h: number };

type Stop = [offset: number, color: string, opacity?: number];
const stops = (s: Stop[]) =>
  s.map(([o, c, a = 1]) => `<stop offset="${o}" stop-color="${c}" stop-opacity="${a}"/>`).join("");
const linear = (id: string, s: Stop[], x2 = 0, y2 = 1) =>
  `<linearGradient id="${id}" x1="0" y1="0" x2="${x2}" y2="${y2}">${stops(s)}</linearGradient>`;
const radial = (id: string, s: Stop[]) => `<radialGradient id="${id}">${stops(s)}</radialGradient>`;
const blur = (id: string, sd: number) =>
  `<filter id="${id}" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${sd}"/></filter>`;
const defs = (...items: string[]) => `<defs>${items.join("")}${blur("soft", 6)}${blur("glow", 24)}</defs>`;
const bg = (fill: string) => `<rect width="1600" height="900" fill="${fill}"/>`;
const times = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
const wave = (y: number, amp: number, len: number, phase: number) =>
  `M0 ${y} ` +
  times(17, (i) => `L${i * 100} ${(y + amp * Math.sin((i * 100) / len + phase)).toFixed(1)}`).join(" ") +
  " L1600 900 L0 900 Z";

export const MOTIFS: Record<string, (s: Scene) => string> = {
  "ferry-fares-frozen-as-ridership-climbs": ({ rnd }) =>
    defs(
      linear("sky", [
        [0, "#e8efe9"],
        [0.42, "#cfe0dc"],
        [0.43, "#5fa3a0"],
        [1, "#1f5f68"],
      ]),
      radial("sun", [
        [0, "#fffbe8"],
        [1, "#fffbe8", 0],
      ]),
    ) +
    bg("url(#sky)") +
    `<circle cx="1220" cy="170" r="220" fill="url(#sun)"/>` +
    times(7, (i) => {
      const spread = 90 + i * 120;
      return `<path d="M520 420 Q ${900 + rnd() * 80} ${560 + i * 30} 1600 ${470 + spread}" stroke="#f4fbf8" stroke-width="${14 - i * 1.5}" fill="none" opacity="${0.55 - i * 0.06}" filter="url(#soft)"/>`;
    }).join("") +
    `<path d="M430 400 L600 400 L580 432 L450 432 Z" fill="#23393d"/><rect x="480" y="378" width="70" height="24" rx="4" fill="#eef3ef"/>`,

  "wharf-street-cannery-to-become-homes": ({ rnd }) =>
    defs(
      linear("sky", [
        [0, "#3b2f5c"],
        [0.55, "#d9744f"],
        [1, "#f3c07a"],
      ]),
    ) +
    bg("url(#sky)") +
    `<rect x="1080" y="140" width="70" height="520" fill="#7a2e22"/><rect x="1060" y="120" width="110" height="30" fill="#5e2219"/>` +
    times(9, (i) => {
      const h = 220 + rnd() * 260;
      const shade = ["#9c3b2a", "#b2472f", "#86332a", "#a8503a"][i % 4];
      return (
        `<rect x="${i * 180 - 20}" y="${900 - h}" width="${170 + rnd() * 30}" height="${h}" fill="${shade}"/>` +
        times(
          3,
          (k) =>
            `<rect x="${i * 180 + 20 + k * 48}" y="${940 - h}" width="26" height="40" fill="#f6d48f" opacity="${0.25 + rnd() * 0.5}"/>`,
        ).join("")
      );
    }).join(""),

  "night-buses-return-to-east-side": ({ rnd }) =>
    defs(
      linear("night", [
        [0, "#0b1530"],
        [1, "#13244a"],
      ]),
      linear(
        "amber",
        [
          [0, "#ffb347", 0],
          [0.5, "#ffcc66"],
          [1, "#ff9a2e", 0],
        ],
        1,
        0,
      ),
    ) +
    bg("url(#night)") +
    times(
      12,
      (i) =>
        `<line x1="${i * 140}" y1="0" x2="${i * 140 - 300}" y2="900" stroke="#2c4a80" stroke-width="3" opacity="0.5"/>`,
    ).join("") +
    times(
      8,
      (i) =>
        `<line x1="0" y1="${80 + i * 110}" x2="1600" y2="${40 + i * 110}" stroke="#2c4a80" stroke-width="3" opacity="0.5"/>`,
    ).join("") +
    times(14, () => {
      const y = 60 + rnd() * 780;
      const x = rnd() * 1200;
      return `<rect x="${x}" y="${y}" width="${250 + rnd() * 500}" height="${6 + rnd() * 10}" rx="6" fill="url(#amber)" transform="rotate(-2 ${x} ${y})" filter="url(#soft)"/>`;
    }).join(""),

  "seawall-repairs-race-winter-storms": ({ rnd }) =>
    defs(
      linear("storm", [
        [0, "#59636e"],
        [1, "#a7b2ba"],
      ]),
    ) +
    bg("url(#storm)") +
    ["#3f6f73", "#2f5b62", "#4b8286", "#24474f"]
      .map(
        (c, i) =>
          `<path d="${wave(430 + i * 110, 40 + rnd() * 40, 160 + i * 30, rnd() * 6)}" fill="${c}" opacity="0.9"/>`,
      )
      .join("") +
    `<path d="M1100 900 L1180 360 L1600 300 L1600 900 Z" fill="#22272c"/><path d="M1180 360 L1240 330 L1600 280 L1600 300 Z" fill="#3a4148"/>` +
    times(
      6,
      () =>
        `<circle cx="${1020 + rnd() * 160}" cy="${330 + rnd() * 120}" r="${30 + rnd() * 50}" fill="#eef3f4" opacity="0.45" filter="url(#glow)"/>`,
    ).join(""),

  "heat-map-shows-five-degree-gap": ({ rnd }) => {
    const hot = [380 + rnd() * 200, 420 + rnd() * 150];
    const colour = (t: number) =>
      `hsl(${Math.round(140 - t * 138)} ${Math.round(45 + t * 25)}% ${Math.round(46 + (1 - t) * 4)}%)`;
    const cells = times(20 * 11, (i) => {
      const x = (i % 20) * 80;
      const y = Math.floor(i / 20) * 82;
      const d = Math.hypot(x - hot[0], y - hot[1]) / 1100;
      return `<rect x="${x + 3}" y="${y + 3}" width="74" height="76" rx="6" fill="${colour(Math.max(0, Math.min(1, 1 - d + (rnd() - 0.5) * 0.15)))}"/>`;
    });
    return defs() + bg("#1f2a24") + `<g filter="url(#soft)">${cells.join("")}</g>`;
  },

  "kelp-farmers-bet-on-the-bay": ({ rnd }) =>
    defs(
      linear("deep", [
        [0, "#2b6f94"],
        [1, "#0b2440"],
      ]),
      linear("ray", [
        [0, "#cfeaf5", 0.35],
        [1, "#cfeaf5", 0],
      ]),
    ) +
    bg("url(#deep)") +
    times(
      5,
      (i) =>
        `<polygon points="${200 + i * 300},0 ${300 + i * 300},0 ${120 + i * 320},900 ${20 + i * 320},900" fill="url(#ray)"/>`,
    ).join("") +
    times(11, (i) => {
      const x = 80 + i * 140 + rnd() * 40;
      const sway = 60 + rnd() * 80;
      return `<path d="M${x} 900 C ${x - sway} 650, ${x + sway} 420, ${x - sway / 2} ${120 + rnd() * 120}" stroke="${i % 3 ? "#8a7a2e" : "#c19a3d"}" stroke-width="${26 + rnd() * 16}" stroke-linecap="round" fill="none" opacity="0.85"/>`;
    }).join(""),

  "harbour-seals-tracked-by-university-team": ({ rnd }) =>
    defs(
      linear("water", [
        [0, "#bfd8d4"],
        [0.35, "#5c9c98"],
        [1, "#1e5456"],
      ]),
    ) +
    bg("url(#water)") +
    times(
      4,
      (i) =>
        `<rect x="-100" y="${380 + i * 120}" width="1900" height="30" fill="#3b2b20" transform="rotate(-6 800 ${380 + i * 120})"/>`,
    ).join("") +
    times(6, (i) => {
      const row = i % 3;
      const x = 200 + i * 230 + rnd() * 60;
      const y = 345 + row * 120 - (x - 800) * 0.1;
      return `<ellipse cx="${x}" cy="${y}" rx="${90 + rnd() * 30}" ry="${30 + rnd() * 8}" fill="${["#8e9598", "#a9afb0", "#737b80"][row]}"/><circle cx="${x + 85}" cy="${y - 18}" r="24" fill="${["#8e9598", "#a9afb0", "#737b80"][row]}"/>`;
    }).join(""),

  "cold-hill-observatory-spots-supernova": ({ rnd }) =>
    defs(
      radial("space", [
        [0, "#3a1f6e"],
        [1, "#0d0620"],
      ]),
      radial("burst", [
        [0, "#ffffff"],
        [0.2, "#fff4d6"],
        [1, "#b58cff", 0],
      ]),
      radial("galaxy", [
        [0, "#e8dcff", 0.8],
        [1, "#6a4fb0", 0],
      ]),
    ) +
    `<rect width="1600" height="900" fill="url(#space)"/>` +
    times(
      90,
      () =>
        `<circle cx="${rnd() * 1600}" cy="${rnd() * 900}" r="${0.8 + rnd() * 2.2}" fill="#f2ecff" opacity="${0.4 + rnd() * 0.6}"/>`,
    ).join("") +
    `<ellipse cx="1080" cy="470" rx="300" ry="110" fill="url(#galaxy)" transform="rotate(-25 1080 470)"/>` +
    `<circle cx="760" cy="380" r="260" fill="url(#burst)"/>` +
    times(
      4,
      (i) =>
        `<circle cx="760" cy="380" r="${90 + i * 70}" stroke="#e6d8ff" stroke-width="${4 - i * 0.7}" fill="none" opacity="${0.6 - i * 0.12}"/>`,
    ).join(""),

  "wastewater-testing-flu-early-warning": ({ rnd }) => {
    const pipes: string[] = [];
    const dots: string[] = [];
    const branch = (x: number, y: number, angle: number, len: number, depth: number) => {
      const x2 = x + Math.cos(angle) * len;
      const y2 = y + Math.sin(angle) * len;
      pipes.push(
        `<line x1="${x}" y1="${y}" x2="${x2}" y2="${y2}" stroke="${depth % 2 ? "#2f7fa8" : "#3fa07a"}" stroke-width="${8 + depth * 7}" stroke-linecap="round"/>`,
      );
      dots.push(
        `<circle cx="${(x + x2) / 2}" cy="${(y + y2) / 2}" r="${5 + rnd() * 5}" fill="#d8fff0" filter="url(#soft)"/>`,
      );
      if (depth === 0) return;
      branch(x2, y2, angle - 0.5 - rnd() * 0.3, len * 0.72, depth - 1);
      branch(x2, y2, angle + 0.5 + rnd() * 0.3, len * 0.72, depth - 1);
    };
    branch(120, 450, 0, 360, 4);
    return (
      defs(
        linear(
          "bgw",
          [
            [0, "#0e2e33"],
            [1, "#143d3a"],
          ],
          1,
          1,
        ),
      ) +
      bg("url(#bgw)") +
      pipes.join("") +
      dots.join("")
    );
  },

  "lantern-festival-moves-to-waterfront": ({ rnd }) =>
    defs(
      linear("dusk", [
        [0, "#1a1d3d"],
        [0.55, "#2b2f5a"],
        [0.56, "#10142b"],
        [1, "#070914"],
      ]),
      radial("lamp", [
        [0, "#fff1c4"],
        [0.35, "#ffb347", 0.9],
        [1, "#ff7b1c", 0],
      ]),
    ) +
    bg("url(#dusk)") +
    times(18, () => {
      const x = rnd() * 1600;
      const y = 140 + rnd() * 330;
      const r = 30 + rnd() * 45;
      return `<circle cx="${x}" cy="${y}" r="${r}" fill="url(#lamp)"/><ellipse cx="${x}" cy="${1000 - y}" rx="${r * 0.5}" ry="${r * 1.6}" fill="url(#lamp)" opacity="0.35" filter="url(#soft)"/>`;
    }).join(""),

  "tide-bookshop-on-gull-island": ({ rnd }) =>
    defs(
      linear("air", [
        [0, "#dfeef2"],
        [1, "#f7f1de"],
      ]),
      linear("sand", [
        [0, "#ecd9a2"],
        [1, "#c9a860"],
      ]),
      linear("sea", [
        [0, "#6fa8c4"],
        [1, "#2f6f93"],
      ]),
    ) +
    bg("url(#air)") +
    `<path d="M0 520 Q 600 480 1600 500 L1600 900 L0 900 Z" fill="url(#sand)"/>` +
    `<path d="M1600 498 Q ${1240 + 40 * rnd()} ${560 + rnd() * 30} 1180 700 T 760 900 L1600 900 Z" fill="url(#sea)"/>` +
    `<path d="M760 900 Q 1000 760 1320 ${610 + rnd() * 20}" stroke="#f4fbfd" stroke-width="6" fill="none" opacity="0.6" filter="url(#soft)"/>` +
    `<ellipse cx="1030" cy="540" rx="230" ry="42" fill="#bfa66a"/>` +
    `<rect x="990" y="466" width="90" height="62" fill="#fbfbf7"/><polygon points="980,468 1035,426 1090,468" fill="#d6d9dc"/>`,

  "symphony-commissions-foghorn-piece": ({ rnd }) =>
    defs(
      linear("fog", [
        [0, "#c9ced1"],
        [1, "#8d969b"],
      ]),
      radial("red", [
        [0, "#ff6a5a"],
        [1, "#ff6a5a", 0],
      ]),
    ) +
    bg("url(#fog)") +
    times(
      9,
      (i) =>
        `<circle cx="260" cy="700" r="${140 + i * 150}" stroke="#eef1f2" stroke-width="${22 - i * 2}" fill="none" opacity="${0.55 - i * 0.05}" filter="url(#soft)"/>`,
    ).join("") +
    times(
      5,
      () =>
        `<ellipse cx="${rnd() * 1600}" cy="${rnd() * 900}" rx="${300 + rnd() * 300}" ry="${60 + rnd() * 60}" fill="#dfe3e5" opacity="0.35" filter="url(#glow)"/>`,
    ).join("") +
    `<circle cx="260" cy="700" r="90" fill="url(#red)"/><circle cx="260" cy="700" r="14" fill="#ffd2c8"/>`,
};
