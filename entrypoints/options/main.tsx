// Options entry: mounts the sources and settings page.
import { render } from 'preact';
import { Options } from './Options';

render(<Options />, document.getElementById('app')!);
