// Plotly partial bundle: core + scattergl only (keeps the bundle small).
import Plotly from 'plotly.js/lib/core'; // includes the SVG scatter trace
import scattergl from 'plotly.js/lib/scattergl';

Plotly.register([scattergl]);
export default Plotly;
