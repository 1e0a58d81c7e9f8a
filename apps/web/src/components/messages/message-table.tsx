'use client';

import type { RouterOutputs } from '@garage/api';
import { Empty } from '~/components/query-state';
import { Timestamp } from '~/components/timestamp';
import { messageChannelWords, messageKindLabels, messageStatusLabels } from './message-words';

type Message = RouterOutputs['message']['forCustomer']['messages'][number];

/** When the message's delivery last moved: sent, failed, its next try, or when it was written. */
function When({ message }: { message: Message }) {
  if (message.sentAt) return <Timestamp at={message.sentAt} />;
  if (message.failedAt) return <Timestamp at={message.failedAt} />;
  if (message.status === 'queued' && message.attempts > 0) {
    return (
      <>
        next try <Timestamp at={message.nextAttemptAt} />
      </>
    );
  }
  return <Timestamp at={message.createdAt} />;
}

/**
 * Messages with their delivery: queued, sent, failed or not sent, why, and when. The list is
 * live: the delivery worker's outcomes reach the page without a reload.
 */
export function MessageTable({ messages }: { messages: readonly Message[] }) {
  if (messages.length === 0) return <Empty>No messages yet.</Empty>;
  return (
    <table className="messages">
      <thead>
        <tr>
          <th scope="col">Message</th>
          <th scope="col">To</th>
          <th scope="col">Delivery</th>
          <th scope="col">When</th>
        </tr>
      </thead>
      <tbody>
        {messages.map((message) => (
          <tr key={message.id} data-status={message.status}>
            <td>
              {messageKindLabels[message.kind]}
              <br />
              <small className="muted">{message.subject}</small>
            </td>
            <td>
              <small className="muted">{messageChannelWords[message.channel].by}</small>{' '}
              {message.recipient ?? (
                <span className="muted">{messageChannelWords[message.channel].nothingOnFile}</span>
              )}
            </td>
            <td>
              <span className={`message-status ${message.status}`}>
                {messageStatusLabels[message.status]}
              </span>
              {message.attempts > 1 ? (
                <small className="muted"> after {message.attempts} tries</small>
              ) : null}
              {message.reason ? (
                <>
                  <br />
                  <small>{message.reason}</small>
                </>
              ) : null}
            </td>
            <td>
              <When message={message} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
