// Only what a radar chart draws: chart.js is tree-shaken, and this module is loaded on demand.
import { Chart, Filler, PointElement, LineElement, RadarController, RadialLinearScale, Tooltip } from 'chart.js';

Chart.register(RadarController, RadialLinearScale, PointElement, LineElement, Filler, Tooltip);
export { Chart };
