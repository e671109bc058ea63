// One boundary per view and per panel: a component that throws while drawing takes only itself down. The rest
// of the page, the filters and anything the user added keep working; "Try again" redraws just this part.
import { Component, type ReactNode } from 'react';

interface Props { part: string; children: ReactNode; resetKey?: string }
interface State { error: Error | null; key: string | undefined }

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  // Moving to another view (a new resetKey) clears the failure.
  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  componentDidCatch(error: unknown): void {
    console.error(`SAEBench Explorer: ${this.props.part} failed`, error);
  }

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="error-panel" role="alert" data-testid="part-failed">
        <h2>{this.props.part} failed</h2>
        <pre>{error.message.slice(0, 500)}</pre>
        <p>The rest of the page still works, and nothing you added is lost. Try again, or pick another view; if it keeps failing, the browser console has details.</p>
        <button type="button" onClick={() => this.setState({ error: null })}>Try again</button>
      </div>
    );
  }
}
