export function ErrorPanel({ title, message }: { title: string; message: string }) {
  return (
    <div className="error-panel" role="alert">
      <h2>{title}</h2>
      <pre>{message}</pre>
      <p>Reload the page to try again. If it keeps failing, the browser console has details.</p>
    </div>
  );
}
