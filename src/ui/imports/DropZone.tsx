// Files or folders dropped anywhere on the page are added as results.
import { useEffect, useState } from 'react';
import { filesFromDrop } from './readFiles.ts';
import { useImportActions } from './AddResults.tsx';

const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');

export function DropZone({ onDrop }: { onDrop: () => void }) {
  const actions = useImportActions();
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overHandler = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer || !hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      onDrop();
      void filesFromDrop(e.dataTransfer).then((files) => actions.add(files));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('drop', drop);
    };
  }, [actions, onDrop]);
  if (!over) return null;
  return <div className="drop-overlay" aria-hidden="true"><p>Drop SAEBench results (files, folders, .zip) to add them</p></div>;
}
