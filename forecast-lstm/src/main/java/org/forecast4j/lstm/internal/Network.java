package org.forecast4j.lstm.internal;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.forecast4j.core.Checks;
import org.forecast4j.lstm.CellType;

/**
 * A stack of recurrent layers (LSTM or GRU) with a dense head on the last hidden state: the shape of the network,
 * the layout of its parameters in one flat array, initialisation, the batched forward pass and backpropagation
 * through time (BPTT). Stateless: parameters, gradients and buffers are passed in, so one network can be shared by
 * threads that each own a {@link Workspace}.
 *
 * <h2>Data layout</h2>
 * Sequences are time-major: row {@code t·B + b} of an input {@code x} ({@code T·B × I}) is step {@code t} of
 * window {@code b}. Gate pre-activations of all steps are one {@code T·B × G·H} matrix, so the input projection
 * {@code Z = X·W_x + b} is a single product over all time steps and only {@code h_{t-1}·W_h} is done per step.
 *
 * <h2>Parameters</h2>
 * Per layer {@code l} (input width {@code I_l}, {@code I_0 = inputSize}, {@code I_l = H} above): {@code W_x}
 * ({@code I_l × G·H}), {@code W_h} ({@code H × G·H}), {@code b_x} ({@code G·H}) and, for the GRU only,
 * {@code b_h} ({@code G·H}); then the head {@code W_o} ({@code H × O}) and {@code b_o} ({@code O}). Gate blocks
 * are ordered {@code [i, f, g, o]} (LSTM) and {@code [r, u, n]} (GRU) within the {@code G·H} columns.
 *
 * <h2>Cells</h2>
 * LSTM: {@code i,f,o = σ(z)}, {@code g = tanh(z)}, {@code c_t = f⊙c_{t-1} + i⊙g}, {@code h_t = o⊙tanh(c_t)}.
 * GRU (PyTorch form): {@code r,u = σ(x W_x + b_x + h W_h + b_h)},
 * {@code n = tanh(x W_xn + b_xn + r⊙(h W_hn + b_hn))}, {@code h_t = (1-u)⊙n + u⊙h_{t-1}}.
 * The equations of the backward pass are in {@code docs/lstm.md}.
 */
public final class Network {

    private final CellType cell;
    private final int inputSize;
    private final int hidden;
    private final int layers;
    private final int outputSize;
    private final int gates;
    private final int[] offWx;
    private final int[] offWh;
    private final int[] offBx;
    private final int[] offBh;
    private final int offWo;
    private final int offBo;
    private final int numParams;

    /**
     * Defines a network.
     *
     * @param cell       LSTM or GRU
     * @param inputSize  features per time step, &ge; 1
     * @param hidden     hidden units per layer, &ge; 1
     * @param layers     stacked recurrent layers, &ge; 1
     * @param outputSize outputs of the dense head, &ge; 1
     * @throws IllegalArgumentException if a size is not positive
     */
    public Network(CellType cell, int inputSize, int hidden, int layers, int outputSize) {
        this.cell = java.util.Objects.requireNonNull(cell, "cell");
        this.inputSize = Checks.requirePositive(inputSize, "inputSize");
        this.hidden = Checks.requirePositive(hidden, "hidden");
        this.layers = Checks.requirePositive(layers, "layers");
        this.outputSize = Checks.requirePositive(outputSize, "outputSize");
        this.gates = cell.gates();
        int gh = gates * hidden;
        offWx = new int[layers];
        offWh = new int[layers];
        offBx = new int[layers];
        offBh = new int[layers];
        int off = 0;
        for (int l = 0; l < layers; l++) {
            offWx[l] = off;
            off += layerInput(l) * gh;
            offWh[l] = off;
            off += hidden * gh;
            offBx[l] = off;
            off += gh;
            if (cell == CellType.GRU) {
                offBh[l] = off;
                off += gh;
            } else {
                offBh[l] = -1;
            }
        }
        offWo = off;
        off += hidden * outputSize;
        offBo = off;
        off += outputSize;
        numParams = off;
    }

    /**
     * Number of parameters (length of the flat parameter and gradient arrays).
     *
     * @return parameter count
     */
    public int numParams() {
        return numParams;
    }

    /**
     * The cell type.
     *
     * @return cell
     */
    public CellType cell() {
        return cell;
    }

    /**
     * Features per input step.
     *
     * @return input size
     */
    public int inputSize() {
        return inputSize;
    }

    /**
     * Hidden units per layer.
     *
     * @return hidden size
     */
    public int hidden() {
        return hidden;
    }

    /**
     * Number of recurrent layers.
     *
     * @return layers
     */
    public int layers() {
        return layers;
    }

    /**
     * Outputs of the head.
     *
     * @return output size
     */
    public int outputSize() {
        return outputSize;
    }

    /**
     * Describes the parameter blocks as {@code name, offset, length} triples, for gradient checks and docs.
     *
     * @return block names with offsets and lengths
     */
    public String[] blockNames() {
        int n = layers * (cell == CellType.GRU ? 4 : 3) + 2;
        String[] out = new String[n];
        int k = 0;
        for (int l = 0; l < layers; l++) {
            out[k++] = "W_x[" + l + "]";
            out[k++] = "W_h[" + l + "]";
            out[k++] = "b_x[" + l + "]";
            if (cell == CellType.GRU) {
                out[k++] = "b_h[" + l + "]";
            }
        }
        out[k++] = "W_o";
        out[k] = "b_o";
        return out;
    }

    /**
     * Offsets of the parameter blocks in the order of {@link #blockNames()}, plus {@link #numParams()} last.
     *
     * @return block start offsets, one more than the number of blocks
     */
    public int[] blockOffsets() {
        String[] names = blockNames();
        int[] out = new int[names.length + 1];
        int k = 0;
        for (int l = 0; l < layers; l++) {
            out[k++] = offWx[l];
            out[k++] = offWh[l];
            out[k++] = offBx[l];
            if (cell == CellType.GRU) {
                out[k++] = offBh[l];
            }
        }
        out[k++] = offWo;
        out[k++] = offBo;
        out[k] = numParams;
        return out;
    }

    private int layerInput(int l) {
        return l == 0 ? inputSize : hidden;
    }

    /**
     * Initialises the parameters: Glorot/Xavier uniform for input and head weights (limit
     * {@code √(6/(fan_in + fan_out))}, Glorot &amp; Bengio 2010), an orthogonal matrix per gate block of the
     * recurrent weights (Saxe et al. 2014; QR of a Gaussian matrix with the signs of {@code diag(R)} folded in),
     * zero biases except the LSTM forget gate at 1 (Jozefowicz et al. 2015).
     *
     * @param params flat parameters, length {@link #numParams()}. Modified.
     * @param rnd    the only source of randomness. Modified.
     */
    public void initialize(double[] params, SplittableRandom rnd) {
        Arrays.fill(params, 0, numParams, 0.0);
        int gh = gates * hidden;
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(hidden, hidden);
        DMatrixRMaj g = new DMatrixRMaj(hidden, hidden);
        DMatrixRMaj q = new DMatrixRMaj(hidden, hidden);
        DMatrixRMaj r = new DMatrixRMaj(hidden, hidden);
        for (int l = 0; l < layers; l++) {
            int in = layerInput(l);
            fillUniform(params, offWx[l], in * gh, Math.sqrt(6.0 / (in + gh)), rnd);
            for (int blk = 0; blk < gates; blk++) {
                for (int i = 0; i < g.data.length; i++) {
                    g.data[i] = rnd.nextGaussian();
                }
                if (!qr.decompose(g)) {
                    throw new IllegalStateException("QR decomposition failed during orthogonal initialisation");
                }
                qr.getQ(q, false);
                qr.getR(r, false);
                for (int p = 0; p < hidden; p++) {
                    for (int j = 0; j < hidden; j++) {
                        double s = r.get(j, j) < 0 ? -1.0 : 1.0;
                        params[offWh[l] + p * gh + blk * hidden + j] = s * q.get(p, j);
                    }
                }
            }
            if (cell == CellType.LSTM) {
                Arrays.fill(params, offBx[l] + hidden, offBx[l] + 2 * hidden, 1.0);
            }
        }
        fillUniform(params, offWo, hidden * outputSize, Math.sqrt(6.0 / (hidden + outputSize)), rnd);
    }

    private static void fillUniform(double[] a, int off, int len, double limit, SplittableRandom rnd) {
        for (int i = 0; i < len; i++) {
            a[off + i] = (2 * rnd.nextDouble() - 1) * limit;
        }
    }

    /**
     * Allocates the buffers of a forward and backward pass for up to {@code maxBatch} windows of {@code steps}
     * steps. Sized once and reused for every batch.
     *
     * @param maxBatch    largest batch, &ge; 1
     * @param steps       time steps per window (the look-back), &ge; 1
     * @param withDropout whether dropout masks are needed
     * @return the workspace
     */
    public Workspace newWorkspace(int maxBatch, int steps, boolean withDropout) {
        return new Workspace(this, Checks.requirePositive(maxBatch, "maxBatch"),
                Checks.requirePositive(steps, "steps"), withDropout);
    }

    /**
     * Forward pass of {@code batch} windows stored in {@link Workspace#input()}; the head's outputs go to
     * {@link Workspace#output()} ({@code batch × O}).
     *
     * @param params  parameters. Not modified.
     * @param ws      workspace with the input filled in. Modified.
     * @param batch   number of windows, in [1, maxBatch]
     * @param dropout dropout probability between layers in [0, 1); 0 for inference
     * @param rnd     source of dropout masks (unused when {@code dropout == 0}). Modified.
     */
    public void forward(double[] params, Workspace ws, int batch, double dropout, SplittableRandom rnd) {
        final int bsz = batch;
        final int steps = ws.steps;
        final int h = hidden;
        final int gh = gates * h;
        final int rows = steps * bsz;
        ws.batch = bsz;
        double[] in = ws.x;
        int inOff = 0;
        for (int l = 0; l < layers; l++) {
            ws.inArr[l] = in;
            ws.inOff[l] = inOff;
            double[] z = ws.z[l];
            // Z = X W_x + b_x for all time steps at once
            Gemm.setRows(params, offBx[l], rows, gh, z, 0);
            Gemm.multAdd(in, inOff, rows, layerInput(l), params, offWx[l], gh, z, 0);
            double[] hs = ws.hs[l];
            // h_{-1} = 0
            Arrays.fill(hs, 0, bsz * h, 0.0);
            if (cell == CellType.LSTM) {
                lstmForward(params, l, ws, bsz);
            } else {
                gruForward(params, l, ws, bsz);
            }
            ws.dropped[l] = dropout > 0 && l < layers - 1;
            if (ws.dropped[l]) {
                // inverted dropout: keep with probability 1-p, scale kept units by 1/(1-p)
                double[] mask = ws.mask[l];
                double[] drop = ws.drop[l];
                double keepScale = 1.0 / (1.0 - dropout);
                int n = rows * h;
                for (int i = 0; i < n; i++) {
                    double m = rnd.nextDouble() < dropout ? 0.0 : keepScale;
                    mask[i] = m;
                    drop[i] = hs[bsz * h + i] * m;
                }
                in = drop;
                inOff = 0;
            } else {
                in = hs;
                inOff = bsz * h;
            }
        }
        // out = h_T W_o + b_o on the top layer's last step
        double[] top = ws.hs[layers - 1];
        int topOff = steps * bsz * h;
        Gemm.setRows(params, offBo, bsz, outputSize, ws.out, 0);
        Gemm.multAdd(top, topOff, bsz, h, params, offWo, outputSize, ws.out, 0);
    }

    private void lstmForward(double[] params, int l, Workspace ws, int bsz) {
        final int h = hidden;
        final int gh = 4 * h;
        final double[] z = ws.z[l];
        final double[] c = ws.c[l];
        final double[] tc = ws.tc[l];
        final double[] hs = ws.hs[l];
        final int owh = offWh[l];
        for (int t = 0; t < ws.steps; t++) {
            int zo = t * bsz * gh;
            if (t > 0) {
                // z_t += h_{t-1} W_h   (h_{-1} = 0 needs no product)
                Gemm.multAdd(hs, t * bsz * h, bsz, h, params, owh, gh, z, zo);
            }
            for (int b = 0; b < bsz; b++) {
                int zr = zo + b * gh;
                int cr = (t * bsz + b) * h;
                int hr = cr + bsz * h;
                int cp = cr - bsz * h;
                if (VectorSupport.ENABLED) {
                    VectorKernels.lstmPointwise(z, zr, c, cr, t == 0 ? -1 : cp, tc, hs, hr, h);
                    continue;
                }
                for (int j = 0; j < h; j++) {
                    double ig = sigmoid(z[zr + j]);
                    double fg = sigmoid(z[zr + h + j]);
                    double gg = tanh(z[zr + 2 * h + j]);
                    double og = sigmoid(z[zr + 3 * h + j]);
                    z[zr + j] = ig;
                    z[zr + h + j] = fg;
                    z[zr + 2 * h + j] = gg;
                    z[zr + 3 * h + j] = og;
                    // c_t = f c_{t-1} + i g ; h_t = o tanh(c_t)
                    double cv = ig * gg + (t == 0 ? 0.0 : fg * c[cp + j]);
                    c[cr + j] = cv;
                    double tcv = tanh(cv);
                    tc[cr + j] = tcv;
                    hs[hr + j] = og * tcv;
                }
            }
        }
    }

    private void gruForward(double[] params, int l, Workspace ws, int bsz) {
        final int h = hidden;
        final int gh = 3 * h;
        final double[] z = ws.z[l];
        final double[] zh = ws.zh;
        final double[] hn = ws.hn[l];
        final double[] hs = ws.hs[l];
        final int owh = offWh[l];
        for (int t = 0; t < ws.steps; t++) {
            int zo = t * bsz * gh;
            // zh = h_{t-1} W_h + b_h
            Gemm.setRows(params, offBh[l], bsz, gh, zh, 0);
            if (t > 0) {
                Gemm.multAdd(hs, t * bsz * h, bsz, h, params, owh, gh, zh, 0);
            }
            for (int b = 0; b < bsz; b++) {
                int zr = zo + b * gh;
                int hr = b * gh;
                int idx = (t * bsz + b) * h;
                if (VectorSupport.ENABLED) {
                    VectorKernels.gruPointwise(z, zr, zh, hr, hn, hs, idx, idx + bsz * h, h);
                    continue;
                }
                for (int j = 0; j < h; j++) {
                    double r = sigmoid(z[zr + j] + zh[hr + j]);
                    double u = sigmoid(z[zr + h + j] + zh[hr + h + j]);
                    double hnv = zh[hr + 2 * h + j];
                    double n = tanh(z[zr + 2 * h + j] + r * hnv);
                    double hp = hs[idx + j];
                    z[zr + j] = r;
                    z[zr + h + j] = u;
                    z[zr + 2 * h + j] = n;
                    hn[idx + j] = hnv;
                    // h_t = (1-u) n + u h_{t-1}
                    hs[idx + bsz * h + j] = (1 - u) * n + u * hp;
                }
            }
        }
    }

    /**
     * Mean squared error of the last forward pass against {@link Workspace#target()}
     * ({@code L = Σ (out - y)² / (B·O)}), and its gradient {@code ∂L/∂out = 2 (out - y) / (B·O)} stored for
     * {@link #backward}.
     *
     * @param ws workspace after {@link #forward}. Modified (output gradient).
     * @return the loss
     */
    public double mseLoss(Workspace ws) {
        int n = ws.batch * outputSize;
        double[] out = ws.out;
        double[] y = ws.target;
        double[] d = ws.dOut;
        double s = 0;
        double k = 2.0 / n;
        for (int i = 0; i < n; i++) {
            double e = out[i] - y[i];
            s += e * e;
            d[i] = k * e;
        }
        return s / n;
    }

    /**
     * Backpropagation through time of the last forward pass and loss: adds {@code ∂L/∂θ} to {@code grads}.
     *
     * @param params parameters used in the forward pass. Not modified.
     * @param ws     workspace after {@link #forward} and {@link #mseLoss}. Modified.
     * @param grads  gradient accumulator, length {@link #numParams()}. Modified (added to).
     */
    public void backward(double[] params, Workspace ws, double[] grads) {
        final int bsz = ws.batch;
        final int steps = ws.steps;
        final int h = hidden;
        final int o = outputSize;
        final int top = layers - 1;
        // head: dW_o += h_Tᵀ dOut, db_o += Σ dOut, dh_T = dOut W_oᵀ
        double[] topHs = ws.hs[top];
        int topOff = steps * bsz * h;
        Gemm.multAddTransA(topHs, topOff, bsz, h, ws.dOut, 0, o, grads, offWo);
        Gemm.addColumnSums(ws.dOut, 0, bsz, o, grads, offBo);
        double[] dTop = ws.dout[top];
        int last = (steps - 1) * bsz * h;
        Arrays.fill(dTop, 0, last, 0.0);
        for (int b = 0; b < bsz; b++) {
            for (int j = 0; j < h; j++) {
                double s = 0;
                for (int k = 0; k < o; k++) {
                    s += ws.dOut[b * o + k] * params[offWo + j * o + k];
                }
                dTop[last + b * h + j] = s;
            }
        }
        for (int l = top; l >= 0; l--) {
            if (cell == CellType.LSTM) {
                lstmBackward(params, l, ws, grads);
            } else {
                gruBackward(params, l, ws, grads);
            }
        }
    }

    private void lstmBackward(double[] params, int l, Workspace ws, double[] grads) {
        final int bsz = ws.batch;
        final int h = hidden;
        final int gh = 4 * h;
        final double[] z = ws.z[l];
        final double[] c = ws.c[l];
        final double[] tc = ws.tc[l];
        final double[] dout = ws.dout[l];
        final double[] dz = ws.dz[l];
        final double[] dh = ws.dh;
        final double[] dc = ws.dc;
        final double[] whT = ws.whT[l];
        Gemm.transpose(params, offWh[l], h, gh, whT, 0);
        Arrays.fill(dh, 0, bsz * h, 0.0);
        Arrays.fill(dc, 0, bsz * h, 0.0);
        for (int t = ws.steps - 1; t >= 0; t--) {
            for (int b = 0; b < bsz; b++) {
                int idx = (t * bsz + b) * h;
                int zr = (t * bsz + b) * gh;
                int sr = b * h;
                if (VectorSupport.ENABLED) {
                    VectorKernels.lstmBackwardPointwise(z, zr, c, t == 0 ? -1 : idx - bsz * h, tc, dout, idx, dh, dc,
                            sr, dz, h);
                    continue;
                }
                for (int j = 0; j < h; j++) {
                    double dhv = dout[idx + j] + dh[sr + j];
                    double ig = z[zr + j];
                    double fg = z[zr + h + j];
                    double gg = z[zr + 2 * h + j];
                    double og = z[zr + 3 * h + j];
                    double tcv = tc[idx + j];
                    // dc = dc_next + dh o (1 - tanh²c)
                    double dcv = dc[sr + j] + dhv * og * (1 - tcv * tcv);
                    double cp = t == 0 ? 0.0 : c[idx - bsz * h + j];
                    dz[zr + j] = dcv * gg * ig * (1 - ig);
                    dz[zr + h + j] = dcv * cp * fg * (1 - fg);
                    dz[zr + 2 * h + j] = dcv * ig * (1 - gg * gg);
                    dz[zr + 3 * h + j] = dhv * tcv * og * (1 - og);
                    // dc_{t-1} = dc f
                    dc[sr + j] = dcv * fg;
                }
            }
            if (t > 0) {
                // dh_{t-1} = dz_t W_hᵀ
                Arrays.fill(dh, 0, bsz * h, 0.0);
                Gemm.multAdd(dz, t * bsz * gh, bsz, gh, whT, 0, h, dh, 0);
            }
        }
        finishLayerBackward(params, l, ws, dz, dz, grads);
    }

    private void gruBackward(double[] params, int l, Workspace ws, double[] grads) {
        final int bsz = ws.batch;
        final int h = hidden;
        final int gh = 3 * h;
        final double[] z = ws.z[l];
        final double[] hn = ws.hn[l];
        final double[] hs = ws.hs[l];
        final double[] dout = ws.dout[l];
        final double[] dz = ws.dz[l];
        final double[] dzh = ws.dzh[l];
        final double[] dh = ws.dh;
        final double[] whT = ws.whT[l];
        Gemm.transpose(params, offWh[l], h, gh, whT, 0);
        Arrays.fill(dh, 0, bsz * h, 0.0);
        for (int t = ws.steps - 1; t >= 0; t--) {
            for (int b = 0; b < bsz; b++) {
                int idx = (t * bsz + b) * h;
                int zr = (t * bsz + b) * gh;
                int sr = b * h;
                for (int j = 0; j < h; j++) {
                    double dhv = dout[idx + j] + dh[sr + j];
                    double r = z[zr + j];
                    double u = z[zr + h + j];
                    double n = z[zr + 2 * h + j];
                    double hnv = hn[idx + j];
                    double hp = hs[idx + j];
                    double dzn = dhv * (1 - u) * (1 - n * n);
                    double dzr = dzn * hnv * r * (1 - r);
                    double dzu = dhv * (hp - n) * u * (1 - u);
                    dz[zr + j] = dzr;
                    dz[zr + h + j] = dzu;
                    dz[zr + 2 * h + j] = dzn;
                    dzh[zr + j] = dzr;
                    dzh[zr + h + j] = dzu;
                    dzh[zr + 2 * h + j] = dzn * r;
                    // direct path dh_{t-1} = dh u (the product term is added below)
                    dh[sr + j] = dhv * u;
                }
            }
            if (t > 0) {
                // dh_{t-1} += dzh_t W_hᵀ
                Gemm.multAdd(dzh, t * bsz * gh, bsz, gh, whT, 0, h, dh, 0);
            }
        }
        Gemm.addColumnSums(dzh, 0, ws.steps * bsz, gh, grads, offBh[l]);
        finishLayerBackward(params, l, ws, dz, dzh, grads);
    }

    /** Weight gradients over all steps at once, and the gradient passed to the layer below. */
    private void finishLayerBackward(double[] params, int l, Workspace ws, double[] dzx, double[] dzh,
                                     double[] grads) {
        final int bsz = ws.batch;
        final int rows = ws.steps * bsz;
        final int h = hidden;
        final int gh = gates * h;
        final int in = layerInput(l);
        // dW_h += H_{prev}ᵀ dZh with H_{prev} = [h_{-1}; ...; h_{T-2}]
        Gemm.multAddTransA(ws.hs[l], 0, rows, h, dzh, 0, gh, grads, offWh[l]);
        // dW_x += Xᵀ dZx, db_x += Σ dZx
        Gemm.multAddTransA(ws.inArr[l], ws.inOff[l], rows, in, dzx, 0, gh, grads, offWx[l]);
        Gemm.addColumnSums(dzx, 0, rows, gh, grads, offBx[l]);
        if (l > 0) {
            // dX = dZx W_xᵀ is the gradient of the layer below's (dropped-out) output
            double[] wxT = ws.wxT[l];
            Gemm.transpose(params, offWx[l], in, gh, wxT, 0);
            double[] below = ws.dout[l - 1];
            Arrays.fill(below, 0, rows * h, 0.0);
            Gemm.multAdd(dzx, 0, rows, gh, wxT, 0, h, below, 0);
            if (ws.dropped[l - 1]) {
                double[] mask = ws.mask[l - 1];
                for (int i = 0; i < rows * h; i++) {
                    below[i] *= mask[i];
                }
            }
        }
    }

    /**
     * Logistic function {@code σ(x) = 1 / (1 + e^{-x})}; saturates to exactly 0 or 1 without NaN.
     *
     * @param x argument
     * @return σ(x)
     */
    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /**
     * Hyperbolic tangent via one {@code exp}: {@code tanh(x) = 1 - 2/(e^{2x} + 1)} (absolute error ~1e-16;
     * {@code Math.tanh} is not a JIT intrinsic on JDK 17 and costs several times more).
     *
     * @param x argument
     * @return tanh(x), exactly ±1 when saturated
     */
    static double tanh(double x) {
        return 1.0 - 2.0 / (Math.exp(2.0 * x) + 1.0);
    }

    /**
     * Buffers of one forward/backward pass, sized once for a maximum batch and a number of steps.
     * Not thread-safe: one per thread.
     */
    public static final class Workspace {
        final int maxBatch;
        final int steps;
        final double[] x;
        final double[] target;
        final double[] out;
        final double[] dOut;
        final double[][] z;
        final double[][] dz;
        final double[][] dzh;
        final double[][] c;
        final double[][] tc;
        final double[][] hn;
        final double[][] hs;
        final double[][] dout;
        final double[][] mask;
        final double[][] drop;
        final double[][] whT;
        final double[][] wxT;
        final double[] zh;
        final double[] dh;
        final double[] dc;
        final double[][] inArr;
        final int[] inOff;
        final boolean[] dropped;
        int batch;

        Workspace(Network net, int maxBatch, int steps, boolean withDropout) {
            this.maxBatch = maxBatch;
            this.steps = steps;
            int h = net.hidden;
            int gh = net.gates * h;
            int rows = maxBatch * steps;
            int nl = net.layers;
            x = new double[rows * net.inputSize];
            target = new double[maxBatch * net.outputSize];
            out = new double[maxBatch * net.outputSize];
            dOut = new double[maxBatch * net.outputSize];
            z = new double[nl][];
            dz = new double[nl][];
            dzh = new double[nl][];
            c = new double[nl][];
            tc = new double[nl][];
            hn = new double[nl][];
            hs = new double[nl][];
            dout = new double[nl][];
            mask = new double[nl][];
            drop = new double[nl][];
            whT = new double[nl][];
            wxT = new double[nl][];
            for (int l = 0; l < nl; l++) {
                z[l] = new double[rows * gh];
                dz[l] = new double[rows * gh];
                hs[l] = new double[(rows + maxBatch) * h];
                dout[l] = new double[rows * h];
                whT[l] = new double[gh * h];
                wxT[l] = new double[gh * net.layerInput(l)];
                if (net.cell == CellType.LSTM) {
                    c[l] = new double[rows * h];
                    tc[l] = new double[rows * h];
                } else {
                    dzh[l] = new double[rows * gh];
                    hn[l] = new double[rows * h];
                }
                if (withDropout && l < nl - 1) {
                    mask[l] = new double[rows * h];
                    drop[l] = new double[rows * h];
                }
            }
            zh = net.cell == CellType.GRU ? new double[maxBatch * gh] : null;
            dh = new double[maxBatch * h];
            dc = new double[maxBatch * h];
            inArr = new double[nl][];
            inOff = new int[nl];
            dropped = new boolean[nl];
        }

        /**
         * Input buffer, time-major: {@code input()[(t·B + b)·I + f]} is feature {@code f} of step {@code t} of
         * window {@code b}. Filled by the caller before {@link Network#forward}.
         *
         * @return the live buffer (length {@code steps·maxBatch·inputSize})
         */
        public double[] input() {
            return x;
        }

        /**
         * Target buffer, {@code target()[b·O + k]}. Filled by the caller before {@link Network#mseLoss}.
         *
         * @return the live buffer (length {@code maxBatch·outputSize})
         */
        public double[] target() {
            return target;
        }

        /**
         * Outputs of the last forward pass, {@code output()[b·O + k]}.
         *
         * @return the live buffer
         */
        public double[] output() {
            return out;
        }

        /**
         * Largest batch this workspace holds.
         *
         * @return max batch
         */
        public int maxBatch() {
            return maxBatch;
        }

        /**
         * Time steps per window.
         *
         * @return steps
         */
        public int steps() {
            return steps;
        }
    }
}
