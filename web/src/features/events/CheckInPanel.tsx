import { type FormEvent, useEffect, useRef, useState } from 'react';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { eventTexts } from './texts';

/** Who was checked in, as the panel confirms it. */
export interface CheckedIn {
  name: string;
  code: string;
}

/** The browser's barcode reader (Chrome on Android, among others), where it exists. */
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

function barcodeDetector(): BarcodeDetectorConstructor | undefined {
  const found = (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
  return typeof found === 'function' && typeof navigator.mediaDevices?.getUserMedia === 'function' ? found : undefined;
}

/**
 * The check-in desk on a phone: one large field for the code the person shows (typed; the API
 * accepts full-width characters, lower case and any dash), one large button, the tally, and what
 * happened said aloud to a screen reader. Where the browser reads barcodes, the camera can scan
 * the QR code instead. After each check-in the field is empty and focused for the next person.
 */
export function CheckInPanel({ attended, registered, onCheckIn }: {
  attended: number;
  registered: number;
  onCheckIn: (code: string) => Promise<CheckedIn>;
}) {
  const text = eventTexts();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [problem, setProblem] = useState<unknown>();
  const [result, setResult] = useState<CheckedIn>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const checkIn = async (typed: string) => {
    setProblem(undefined);
    setResult(undefined);
    if (typed.trim() === '') {
      setError(text.enterCode);
      input.current?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      setResult(await onCheckIn(typed.trim()));
      setCode('');
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void checkIn(code);
  };

  return (
    <section className="check-in" aria-labelledby="check-in-heading">
      <h2 id="check-in-heading" className="visually-hidden">{text.checkInHeading}</h2>
      <p className="tally" aria-live="polite">{text.attendedOf(attended, registered)}</p>
      <form onSubmit={submit} noValidate>
        <label htmlFor="check-in-code">{text.typeCode}</label>
        <input
          ref={input}
          id="check-in-code"
          className="code"
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="go"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'check-in-code-error' : undefined}
          onChange={(e) => setCode(e.target.value)}
        />
        <FieldError id="check-in-code-error" message={error} />
        <button type="submit" disabled={busy}>{text.checkInButton}</button>
      </form>
      <div role="status">
        {result && (
          <p className="result">{text.checkedIn(result.name, result.code)}</p>
        )}
      </div>
      <ProblemMessage error={problem} />
      <Scanner onCode={(scanned) => void checkIn(scanned)} />
    </section>
  );
}

/** Scanning with the camera: offered only where the browser has a BarcodeDetector. */
function Scanner({ onCode }: { onCode: (code: string) => void }) {
  const text = eventTexts();
  const [Detector] = useState(barcodeDetector);
  const [scanning, setScanning] = useState(false);
  const [failed, setFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const onCodeRef = useRef(onCode);
  useEffect(() => {
    onCodeRef.current = onCode;
  }, [onCode]);

  useEffect(() => {
    if (!scanning || !Detector) return;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const detector = new Detector({ formats: ['qr_code'] });
    let last = '';
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        timer = setInterval(() => {
          if (!video.current) return;
          void detector.detect(video.current).then((codes) => {
            const value = codes[0]?.rawValue;
            // The same code stays in view for a while: send it once.
            if (value && value !== last) {
              last = value;
              onCodeRef.current(value);
            }
          });
        }, 400);
      })
      .catch(() => {
        setFailed(true);
        setScanning(false);
      });
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [scanning, Detector]);

  if (!Detector) return null;
  return (
    <div>
      <button type="button" className="secondary" onClick={() => { setFailed(false); setScanning(!scanning); }}>
        {scanning ? text.stopScan : text.scan}
      </button>
      {failed && <p className="field-error">{text.cameraUnavailable}</p>}
      {scanning && <video ref={video} muted playsInline aria-label={text.scan} />}
    </div>
  );
}
