package org.forecast4j.lstm;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.lstm.internal.Scaler;

/**
 * The binary model format (version 1), big-endian as written by {@link DataOutputStream}; strings are
 * modified UTF-8 with a 2-byte length, doubles are IEEE-754 bit patterns (exact round trip). Layout in
 * {@code docs/lstm.md}.
 */
final class ModelCodec {

    /** "F4JL" in ASCII. */
    static final int MAGIC = 0x46344A4C;
    static final int VERSION = 1;

    private ModelCodec() {
    }

    static void write(LstmModel m, OutputStream os) throws IOException {
        DataOutputStream out = new DataOutputStream(os);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        LstmConfig c = m.config();
        out.writeUTF(c.cell().name());
        out.writeUTF(c.strategy().name());
        out.writeInt(c.lookback());
        out.writeInt(c.horizon());
        out.writeInt(c.hidden());
        out.writeInt(c.layers());
        out.writeInt(c.epochs());
        out.writeInt(c.batchSize());
        out.writeDouble(c.learningRate());
        out.writeDouble(c.learningRateDecay());
        out.writeUTF(c.optimizer().name());
        out.writeDouble(c.momentum());
        out.writeDouble(c.clipNorm());
        out.writeDouble(c.weightDecay());
        out.writeDouble(c.dropout());
        out.writeDouble(c.validationFraction());
        out.writeInt(c.patience());
        out.writeUTF(c.scaling().name());
        out.writeLong(c.seed());
        out.writeBoolean(c.logTransform());

        TimeSeries s = m.series();
        out.writeBoolean(s.name() != null);
        if (s.name() != null) {
            out.writeUTF(s.name());
        }
        Frequency f = s.frequency();
        boolean custom = f.name().startsWith("CUSTOM(");
        out.writeBoolean(custom);
        if (custom) {
            out.writeBoolean(f.step() instanceof Duration);
            out.writeUTF(f.step().toString());
            out.writeInt(f.defaultPeriod());
        } else {
            out.writeUTF(f.name());
        }
        boolean dated = f.isCalendar();
        out.writeBoolean(dated);
        if (dated) {
            out.writeUTF(s.start().toString());
        }
        out.writeLong(s.startIndex());
        out.writeInt(s.period());
        writeArray(out, s.values());

        writeScaler(out, m.scaler());
        out.writeInt(m.trainLength());
        double[][] cov = m.covariatesRaw();
        Scaler[] cs = m.covariateScalers();
        out.writeInt(cs.length);
        for (int j = 0; j < cs.length; j++) {
            writeScaler(out, cs[j]);
            writeArray(out, cov[j]);
        }
        writeArray(out, m.parameters());
        double[][] res = m.calibrationResiduals();
        out.writeInt(res.length);
        for (double[] r : res) {
            writeArray(out, r);
        }
        TrainingDiagnostics d = m.diagnostics();
        writeArray(out, d.trainLoss());
        writeArray(out, d.validationLoss());
        out.writeInt(d.bestEpoch());
        out.writeBoolean(d.stoppedEarly());
        out.writeInt(d.trainWindows());
        out.writeInt(d.validationWindows());
        out.writeInt(d.calibrationOrigins());
        out.writeBoolean(d.calibratedOnTraining());
        out.writeLong(d.elapsedMillis());
        out.flush();
    }

    static LstmModel read(InputStream is) throws IOException {
        DataInputStream in = new DataInputStream(is);
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new IOException(String.format(java.util.Locale.ROOT,
                    "not a forecast4j LSTM model: magic 0x%08X, expected 0x%08X", magic, MAGIC));
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("unsupported LSTM model format version " + version + ", expected " + VERSION);
        }
        LstmConfig.Builder b = LstmConfig.builder()
                .cell(CellType.valueOf(in.readUTF()))
                .strategy(Strategy.valueOf(in.readUTF()))
                .lookback(in.readInt())
                .horizon(in.readInt())
                .hidden(in.readInt())
                .layers(in.readInt())
                .epochs(in.readInt())
                .batchSize(in.readInt())
                .learningRate(in.readDouble())
                .learningRateDecay(in.readDouble())
                .optimizer(OptimizerType.valueOf(in.readUTF()))
                .momentum(in.readDouble())
                .clipNorm(in.readDouble())
                .weightDecay(in.readDouble())
                .dropout(in.readDouble())
                .validationFraction(in.readDouble())
                .patience(in.readInt())
                .scaling(Scaling.valueOf(in.readUTF()))
                .seed(in.readLong())
                .logTransform(in.readBoolean());
        LstmConfig config = b.build();

        String name = in.readBoolean() ? in.readUTF() : null;
        Frequency f;
        if (in.readBoolean()) {
            boolean duration = in.readBoolean();
            String step = in.readUTF();
            int dp = in.readInt();
            f = duration ? Frequency.of(Duration.parse(step), dp) : Frequency.of(Period.parse(step), dp);
        } else {
            f = Frequency.parse(in.readUTF());
        }
        LocalDateTime start = in.readBoolean() ? LocalDateTime.parse(in.readUTF()) : null;
        long startIndex = in.readLong();
        int period = in.readInt();
        double[] values = readArray(in);
        TimeSeries.Builder sb = TimeSeries.builder(values).frequency(f).startIndex(startIndex).period(period)
                .name(name);
        if (start != null) {
            sb.start(start);
        }
        TimeSeries series = sb.build();

        Scaler scaler = readScaler(in);
        int trainLength = in.readInt();
        int nf = in.readInt();
        if (nf < 0 || nf > 10_000) {
            throw new IOException("corrupt LSTM model: covariate count " + nf);
        }
        Scaler[] cs = new Scaler[nf];
        double[][] cov = new double[nf][];
        for (int j = 0; j < nf; j++) {
            cs[j] = readScaler(in);
            cov[j] = readArray(in);
        }
        double[] params = readArray(in);
        int h = in.readInt();
        double[][] res = new double[h][];
        for (int i = 0; i < h; i++) {
            res[i] = readArray(in);
        }
        double[] tl = readArray(in);
        double[] vl = readArray(in);
        TrainingDiagnostics d = new TrainingDiagnostics(tl, vl, in.readInt(), in.readBoolean(), in.readInt(),
                in.readInt(), in.readInt(), in.readBoolean(), in.readLong());
        return new LstmModel(config, series, params, scaler, trainLength, res, d, cov, cs);
    }

    private static void writeScaler(DataOutputStream out, Scaler sc) throws IOException {
        out.writeUTF(sc.kind().name());
        out.writeBoolean(sc.log());
        out.writeDouble(sc.center());
        out.writeDouble(sc.scale());
        out.writeDouble(sc.unitScale());
    }

    private static Scaler readScaler(DataInputStream in) throws IOException {
        return new Scaler(Scaling.valueOf(in.readUTF()), in.readBoolean(), in.readDouble(), in.readDouble(),
                in.readDouble());
    }

    private static void writeArray(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) {
            out.writeDouble(v);
        }
    }

    private static double[] readArray(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (1 << 28)) {
            throw new IOException("corrupt LSTM model: array length " + n);
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }
}
