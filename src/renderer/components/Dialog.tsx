// A modal dialog on the native <dialog> element: the browser traps focus inside, Escape
// closes it, and focus returns to where it was when it closes.

import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  labelledBy: string;
  onClose(): void;
  children: ReactNode;
  testId?: string;
}

export function Dialog({ labelledBy, onClose, children, testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={labelledBy}
      onCancel={(e) => {
        e.preventDefault(); // the parent unmounts us; that closes the dialog
        onCloseRef.current();
      }}
      data-testid={testId}
    >
      {children}
    </dialog>
  );
}
